"""Nineteenth blind-corpus generator (blind-19): each run is written once as a list of steps whose labels (categories,
obstacles, outcome) were decided from ../../../../shared/TAXONOMY.md before any analyser was run;
the shared writers render the same run in one of the trajectory formats and write NAME.labels.json."""
import os, sys

# The step model and the format writers are shared with the other blind corpora (../../gen-shared);
# this corpus sets where its files go and its seed.
sys.path.insert(1, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'gen-shared'))
import steps
from steps import *

steps.OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
steps.RNG.seed(19190923)

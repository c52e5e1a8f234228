"""Prints the file table of README.md from the registry (python3 gen/readme.py)."""
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(os.path.dirname(os.path.dirname(HERE)), 'gen-shared')]
import corpus_cli
corpus_cli.readme()

"""python3 test/corpus/blind-19/gen/build.py [runs_x ...]  -- regenerates every blind-19 corpus file and its labels."""
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(os.path.dirname(os.path.dirname(HERE)), 'gen-shared')]
import corpus_cli
corpus_cli.build(HERE, sys.argv[1:])

"""run.py - runs the binding's unittest suite and prints the totals line of make test
("python: N passed, N failed[, N skipped]"); exits 1 on any failure."""
import os
import sys
import unittest

suite = unittest.defaultTestLoader.discover(os.path.dirname(os.path.abspath(__file__)), pattern="test_*.py")
result = unittest.TextTestRunner(verbosity=1, stream=sys.stderr).run(suite)
bad = len(result.failures) + len(result.errors)
skipped = len(result.skipped)
line = "python: %d passed, %d failed" % (result.testsRun - bad - skipped, bad)
print(line + (", %d skipped" % skipped if skipped else ""))
sys.exit(1 if bad else 0)

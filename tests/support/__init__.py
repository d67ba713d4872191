"""The test kit: project paths and the one way to build, the local static host, the browser's settings.

Used by the tests' fixtures (``tests/conftest.py``, ``tests/browser/conftest.py``) and by the scripts
of ``tests/bench/`` and ``tests/quality/``; run with ``hooks`` and ``tests`` on the Python path.
"""

"""The browser tests' fixtures (Chromium, the served site) are in tests/conftest.py, shared with the
harvest's own tests in tests/oogst/."""

"""Helpers shared by the tests and the benchmarks (one of each kind): the browser, the live server, the mock
handle, waiting for a state, starting a try-on. Benchmarks import from here; tests never import from bench/."""

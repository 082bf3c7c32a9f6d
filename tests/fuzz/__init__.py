"""Seeded fuzzers that drive the app with random keys and sizes, and check it stays alive."""

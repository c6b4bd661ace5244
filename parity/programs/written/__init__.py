"""Both programs as written, any architecture: pairing, the two sides, the setup (docs/programs.md)."""

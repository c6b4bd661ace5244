"""The diagnosis rules, one module per family: numerics, forward, loss, backward, optimizer."""

"""`parity migrate`: a side-by-side guide from a NumPy network to a PyTorch one, each section checked by running it."""

from parity.migrate.foundations import ACTIVATIONS, BACKWARD, BATCHES, DATA, FORWARD, LAYOUT
from parity.migrate.training import BCE_LOGITS, CROSS_ENTROPY, DEVICE, LOSSES, OPTIMIZERS
from parity.migrate.port import PORT

SECTIONS = (DATA, LAYOUT, ACTIVATIONS, FORWARD, *LOSSES, BCE_LOGITS, CROSS_ENTROPY, BACKWARD, *OPTIMIZERS, BATCHES, DEVICE, PORT)

"""Port of a ReLU / softmax classifier (5 -> 10 -> 3, mean cross-entropy on the logits,
mini-batches of 12) trained with Adam and an L2 weight decay of 0.01 in the gradient
(torch.optim.Adam's weight_decay), as the NumPy network does for every parameter.
make_optimizer was copied from a fine-tuning recipe that splits the parameters into a
'decay' group and a 'no_decay' group (every name ending in 'bias') with weight_decay 0.0:
the port's biases get no weight decay."""

import torch
import torch.nn.functional as F
from torch import nn

WEIGHT_DECAY = 0.01


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=10, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model, lr):
    decay = [p for n, p in model.named_parameters() if not n.endswith("bias")]
    no_decay = [p for n, p in model.named_parameters() if n.endswith("bias")]
    groups = [
        {"params": decay, "weight_decay": WEIGHT_DECAY},
        {"params": no_decay, "weight_decay": 0.0},   # BUG: every parameter decays: "weight_decay": WEIGHT_DECAY
    ]
    return torch.optim.Adam(groups, lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()

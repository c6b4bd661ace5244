"""PyTorch port of the binary classifier: 6 -> 10 ReLU -> 1, the logit out of forward. ReLU as
F.threshold(z, 0, 0); the loss is the mean negative log-likelihood of the 0/1 labels under
torch.distributions.Bernoulli(logits=z)."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(6, 10)
        self.l2 = nn.Linear(10, 1)

    def forward(self, x):
        return self.l2(F.threshold(self.l1(x), 0.0, 0.0))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    nll = -torch.distributions.Bernoulli(logits=model(X)).log_prob(y).mean()
    nll.backward()
    optimizer.step()
    return nll.item()

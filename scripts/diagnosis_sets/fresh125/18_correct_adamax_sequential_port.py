"""Another port of adamax_numpy.py: an nn.Sequential returning logits, trained with
nn.BCEWithLogitsLoss (the sigmoid folded into the loss) and torch.optim.Adamax(lr=0.02);
the Polyak average of the weights is kept in a dict of tensors and the averaged
predictions come from torch.func.functional_call.

    layers.0.weight (8, 5) = W1.T   layers.0.bias (8,) = b1
    layers.2.weight (1, 8) = W2.T   layers.2.bias (1,) = b2
"""

import os

import numpy as np
import torch
import torch.nn as nn
from torch.func import functional_call


class AdamaxNet(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(n_in, hidden), nn.Sigmoid(), nn.Linear(hidden, 1))
        self.polyak = None
        self.polyak_count = 0

    def forward(self, X):
        return self.layers(X)            # logits

    @torch.no_grad()
    def update_average(self):
        current = {name: p.detach() for name, p in self.layers.named_parameters()}
        self.polyak_count += 1
        if self.polyak is None:
            self.polyak = {name: p.clone() for name, p in current.items()}
        else:
            w = 1.0 / self.polyak_count
            for name, p in current.items():
                self.polyak[name].lerp_(p, w)

    @torch.no_grad()
    def predict_averaged(self, X):
        return torch.sigmoid(functional_call(self.layers, self.polyak, (X,)))


criterion = nn.BCEWithLogitsLoss()


def make_optimizer(model):
    return torch.optim.Adamax(model.parameters(), lr=0.02)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    model.update_average()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "adamax.npz"))
    X, y = torch.from_numpy(data["X"]).float(), torch.from_numpy(data["y"]).float()
    model = AdamaxNet()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.4f}")

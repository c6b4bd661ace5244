"""swish_torch.py written another way: plain nn.Parameters kept in the NumPy layout
(W of shape (in, out)), the maxout by unflatten + amax, swish as z / (1 + exp(-beta z)),
nn.ELU and nn.Hardsigmoid modules. torch.optim.Adam, lr 0.01.

Parameters: W1 (5, 24), b1 (24,), W2 (8, 10), b2 (10,), beta (10,), W3 (10, 6), b3 (6,),
W4 (6, 1), b4 (1,), the NumPy names and shapes.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SwishMaxout(nn.Module):
    def __init__(self, n_in=5, units=8, pieces=3, n2=10, n3=6, alpha=0.5):
        super().__init__()
        self.units, self.pieces = units, pieces
        shapes = {"W1": (n_in, units * pieces), "b1": (units * pieces,), "W2": (units, n2),
                  "b2": (n2,), "beta": (n2,), "W3": (n2, n3), "b3": (n3,), "W4": (n3, 1), "b4": (1,)}
        for name, shape in shapes.items():
            self.register_parameter(name, nn.Parameter(torch.zeros(shape)))
        self.elu = nn.ELU(alpha=alpha)
        self.out = nn.Hardsigmoid()

    def forward(self, X):
        z1 = torch.addmm(self.b1, X, self.W1)
        h1 = z1.unflatten(1, (self.units, self.pieces)).amax(dim=-1)
        z2 = h1 @ self.W2 + self.b2
        h2 = z2 / (1 + torch.exp(-self.beta * z2))
        h3 = self.elu(h2 @ self.W3 + self.b3)
        return self.out(h3 @ self.W4 + self.b4)


def make_optimizer(model, lr=0.01):
    return torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    pred = model(X)
    loss = ((pred - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()

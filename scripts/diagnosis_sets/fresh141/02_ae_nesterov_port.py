"""PyTorch port of tied_ae_numpy.py: a denoising autoencoder with tied weights.

The decoder owns no weight: it reuses the encoder's nn.Linear weight,
transposed, through F.linear, so autograd sums both uses into enc.weight.grad.

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    enc.weight  (n_hidden, n_in)  = W.T
    enc.bias    (n_hidden,)       = b_enc
    b_dec       (n_in,)           = b_dec
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class TiedAutoencoder(nn.Module):
    def __init__(self, n_in=12, n_hidden=5):
        super().__init__()
        self.enc = nn.Linear(n_in, n_hidden)
        self.b_dec = nn.Parameter(torch.zeros(n_in))

    def forward(self, X):
        h = torch.sigmoid(self.enc(X))
        return F.linear(h, self.enc.weight.t(), self.b_dec)   # tied decoder


def make_optimizer(model, lr=0.5, momentum=0.9):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum, nesterov=True)  # fix: return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ae.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = TiedAutoencoder()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.5f}")

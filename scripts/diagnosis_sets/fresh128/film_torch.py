"""PyTorch port of film_numpy.py: a FiLM-conditioned regressor.

    h = relu(fc1(x)); f = film_gamma(c) * h + film_beta(c); yhat = out(f)

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    fc1.weight         (16, 8)  = W1.T
    fc1.bias           (16,)    = b1
    film_gamma.weight  (16, 4)  = Wg.T
    film_gamma.bias    (16,)    = bg
    film_beta.weight   (16, 4)  = Wb.T
    film_beta.bias     (16,)    = bb
    out.weight         (1, 16)  = W2.T
    out.bias           (1,)     = b2
F.mse_loss (mean), torch.optim.SGD with momentum 0.9.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class FiLMNet(nn.Module):
    def __init__(self, n_x=8, n_c=4, hidden=16):
        super().__init__()
        self.n_x = n_x
        self.fc1 = nn.Linear(n_x, hidden)
        self.film_gamma = nn.Linear(n_c, hidden)
        self.film_beta = nn.Linear(n_c, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, X):
        x, c = X[:, :self.n_x], X[:, self.n_x:]
        h = torch.relu(self.fc1(x))
        f = self.film_gamma(c) * h + self.film_beta(c)
        return self.out(f)


def make_optimizer(model, lr=0.05, momentum=0.9):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "film.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"]).float()
    model = FiLMNet()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0 or step == 199:
            print(f"step {step:4d}  loss {loss:.4f}")

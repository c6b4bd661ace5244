"""PyTorch port of dann_reg_numpy.py: DANN regression, the reversal by the detach trick.

    fc1   nn.Linear(3, 5) = W1.T, b1   (tanh)
    reg   nn.Linear(5, 1) = Wr.T, br   (masked MSE over the source rows)
    dom1  nn.Linear(5, 5) = Wd1.T, bd1 (relu), behind the reversal
    dom2  nn.Linear(5, 1) = Wd2.T, bd2 (sigmoid, F.binary_cross_entropy, mean)
reversal: r = f.detach() + (-lambda) * (f - f.detach()): value f, gradient -lambda.
torch.optim.Adam(lr=0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DANNRegressor(nn.Module):
    def __init__(self, n_in=3, hidden=5, dom_hidden=5, lambd=0.3):
        super().__init__()
        self.n_in = n_in
        self.lambd = lambd
        self.fc1 = nn.Linear(n_in, hidden)
        self.reg = nn.Linear(hidden, 1)
        self.dom1 = nn.Linear(hidden, dom_hidden)
        self.dom2 = nn.Linear(dom_hidden, 1)

    def forward(self, X):
        f = torch.tanh(self.fc1(X[:, :self.n_in]))
        yhat = self.reg(f)
        r = f + (-self.lambd) * (f.detach() - f)
        p = torch.sigmoid(self.dom2(F.relu(self.dom1(r))))
        return yhat, p


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    mask = X[:, model.n_in:model.n_in + 1]
    d = 1.0 - mask
    optimizer.zero_grad()
    yhat, p = model(X)
    mse = (((yhat - y) * mask) ** 2).sum() / mask.sum()
    loss = mse + F.binary_cross_entropy(p, d)
    loss.backward()
    optimizer.step()
    return loss.item()

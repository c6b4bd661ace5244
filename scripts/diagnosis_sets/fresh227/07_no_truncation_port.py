"""PyTorch port of hurdle_numpy.py: hurdle model (Bernoulli + zero-truncated Poisson), ReLU MLP,
SGD with Nesterov momentum.

    fc1.weight (6, 4) = W1.T   fc1.bias (6,) = b1
    out.weight (2, 6) = W2.T   out.bias (2,) = b2   (row 0 the hurdle logit, row 1 eta)
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class HurdleNet(nn.Module):
    def __init__(self, n_in=4, hidden=6):
        super().__init__()
        torch.manual_seed(0)
        self.fc1 = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, 2)

    def forward(self, X):
        o = self.out(torch.relu(self.fc1(X)))
        return o[:, 0], o[:, 1]


def hurdle_nll(z, eta, y):
    lam = F.softplus(eta)
    pos = y > 0
    ll_zero = -F.softplus(z)
    ll_pos = -F.softplus(-z) + y * torch.log(lam) - lam - torch.lgamma(y + 1)
    ll = torch.where(pos, ll_pos, ll_zero)
    return -ll.mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z, eta = model(X)
    loss = hurdle_nll(z, eta, y)
    loss.backward()
    optimizer.step()
    return loss.item()

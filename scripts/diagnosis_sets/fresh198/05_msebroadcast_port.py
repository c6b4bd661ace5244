"""PyTorch port of hyper_numpy.py: a linear hypernetwork writes each sample's 6x8 weight matrix."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class HyperNet(nn.Module):
    def __init__(self, n_task=3, n_in=6, hidden=8):
        super().__init__()
        self.n_task, self.n_in, self.hidden = n_task, n_in, hidden
        self.scale = n_in ** -0.5
        self.hyper = nn.Linear(n_task, n_in * hidden)
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.head = nn.Linear(hidden, 1)

    def forward(self, X):
        z, x = X[:, :self.n_task], X[:, self.n_task:]
        W = self.hyper(z).view(-1, self.n_in, self.hidden) * self.scale
        pre = torch.bmm(x.unsqueeze(1), W).squeeze(1) + self.b1
        return self.head(torch.tanh(pre)).squeeze(-1)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.05, eps=1e-10)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()

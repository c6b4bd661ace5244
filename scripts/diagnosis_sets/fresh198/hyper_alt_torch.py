"""Port of hyper_numpy.py with its own nn.Parameters kept in the NumPy layouts and einsum."""
import torch
import torch.nn as nn


class HyperNet(nn.Module):
    def __init__(self, n_task=3, n_in=6, hidden=8):
        super().__init__()
        self.n_task, self.n_in, self.hidden = n_task, n_in, hidden
        self.H = nn.Parameter(torch.zeros(n_task, n_in * hidden))
        self.hb = nn.Parameter(torch.zeros(n_in * hidden))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.w2 = nn.Parameter(torch.zeros(hidden, 1))
        self.b2 = nn.Parameter(torch.zeros(1))

    def forward(self, X):
        z, x = X[:, :self.n_task], X[:, self.n_task:]
        W = (z @ self.H + self.hb).reshape(len(X), self.n_in, self.hidden) / self.n_in ** 0.5
        h = torch.tanh(torch.einsum("ni,nih->nh", x, W) + self.b1)
        return h @ self.w2 + self.b2


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.05, eps=1e-10)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()

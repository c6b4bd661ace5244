"""SequenceGRU in PyTorch, the cell by hand with the gate formulas taken from the torch.nn.GRU
docs: x2h (with the bias) and h2h (no bias) Linear layers producing [z | r | n] for the input
and the state, h = (1 - z) * h + z * n, a Linear readout. MSE, SGD at 0.3."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, H = 3, 5


class SequenceGRU(nn.Module):
    def __init__(self):
        super().__init__()
        self.x2h = nn.Linear(N_IN, 3 * H)
        self.h2h = nn.Linear(H, 3 * H, bias=False)
        self.readout = nn.Linear(H, 1)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], H)
        for t in range(x.shape[1]):
            gx, gh = self.x2h(x[:, t]), self.h2h(h)
            z = torch.sigmoid(gx[:, :H] + gh[:, :H])
            r = torch.sigmoid(gx[:, H:2 * H] + gh[:, H:2 * H])
            n = torch.tanh(gx[:, 2 * H:] + r * gh[:, 2 * H:])   # fix: n = torch.tanh(gx[:, 2 * H:] + F.linear(r * h, self.h2h.weight[2 * H:]))
            h = (1 - z) * h + z * n
        return self.readout(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()

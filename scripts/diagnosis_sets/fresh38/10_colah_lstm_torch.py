"""ColahLSTM in PyTorch: one nn.Linear(H + D, H) per gate on torch.cat([h, x]), the cell
unrolled by hand, the last h into a Linear readout. MSE, Adagrad at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 4, 5


class ColahLSTM(nn.Module):
    def __init__(self):
        super().__init__()
        self.gate_f = nn.Linear(H + D, H)
        self.gate_i = nn.Linear(H + D, H)
        self.gate_C = nn.Linear(H + D, H)
        self.gate_o = nn.Linear(H + D, H)
        self.readout = nn.Linear(H, 1)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], H)
        C = x.new_zeros(x.shape[0], H)
        for t in range(x.shape[1]):
            hx = torch.cat([h, x[:, t]], dim=1)
            f, i = torch.sigmoid(self.gate_f(hx)), torch.sigmoid(self.gate_i(hx))
            C = f * C + i * torch.tanh(self.gate_C(hx))
            h = torch.sigmoid(self.gate_o(hx)) * torch.tanh(C)
        return self.readout(h)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.05)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()

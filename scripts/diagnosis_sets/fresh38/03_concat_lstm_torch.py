"""ConcatLSTM in PyTorch, ported from TensorFlow's BasicLSTMCell source: one Linear kernel on
torch.cat([x, h]), the gates split i, j, f, o, forget_bias = 1.0 as in TF's constructor, the last
state into a Linear readout. MSE, Adam at 0.01."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 4, 5
FORGET_BIAS = 1.0


class ConcatLSTM(nn.Module):
    def __init__(self):
        super().__init__()
        self.kernel = nn.Linear(D + H, 4 * H)
        self.readout = nn.Linear(H, 1)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], H)
        c = x.new_zeros(x.shape[0], H)
        for t in range(x.shape[1]):
            i, j, f, o = self.kernel(torch.cat([x[:, t], h], dim=1)).chunk(4, dim=1)
            c = c * torch.sigmoid(f + FORGET_BIAS) + torch.sigmoid(i) * torch.tanh(j)   # fix: c = c * torch.sigmoid(f) + torch.sigmoid(i) * torch.tanh(j)
            h = torch.tanh(c) * torch.sigmoid(o)
        return self.readout(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()

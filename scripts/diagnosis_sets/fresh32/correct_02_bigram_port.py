"""Neural bigram language model in PyTorch, written functionally: the one-hot rows are turned back
into word ids with X.argmax(1) and looked up with F.embedding in a raw nn.Parameter table (one row
per word, the NumPy network's W1 as it is), a hidden bias, tanh, and a raw (in, out) output weight
applied with torch.addmm. The loss is the mean negative log-likelihood written as
logsumexp(z) - z[label] with torch.gather; zero_grad(set_to_none=True)."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, vocab=10, hidden=10):
        super().__init__()
        self.table = nn.Parameter(torch.zeros(vocab, hidden))
        self.hidden_bias = nn.Parameter(torch.zeros(hidden))
        self.proj = nn.Parameter(torch.zeros(hidden, vocab))
        self.proj_bias = nn.Parameter(torch.zeros(vocab))

    def forward(self, X):
        h = torch.tanh(F.embedding(X.argmax(dim=1), self.table) + self.hidden_bias)
        return torch.addmm(self.proj_bias, h, self.proj)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    z = model(X)
    labels = y.argmax(dim=1, keepdim=True)
    loss = (torch.logsumexp(z, dim=1) - z.gather(1, labels).squeeze(1)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()

"""PyTorch port of birnn_numpy.py: nn.RNN(bidirectional=True) tagger, masked cross-entropy.

Parameters (named_parameters) and the NumPy names:
    rnn.weight_ih_l0 = Wx_f.T, rnn.weight_hh_l0 = Wh_f.T, rnn.bias_ih_l0 = bx_f, rnn.bias_hh_l0 = bh_f,
    the same with _reverse for the backward direction, fc.weight = Why.T, fc.bias = by.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

PAD = -1


class BiRNNTagger(nn.Module):
    def __init__(self, n_in=6, hidden=12, n_tags=5):
        super().__init__()
        self.rnn = nn.RNN(n_in, hidden, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(2 * hidden, n_tags)

    def forward(self, X):
        out, _ = self.rnn(X)          # (N, T, 2H): forward states then backward states
        return self.fc(out)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    flat_y = y.reshape(-1)
    per_tok = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), flat_y.clamp(min=0), reduction="none")
    loss = (per_tok * (flat_y != PAD)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()

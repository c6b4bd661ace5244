"""PyTorch port of charrnn_numpy.py: a character-level Elman RNN trained statefully.

The cell is written out with three nn.Linear layers (a single bias, bh, lives in h2h):
    h_t = tanh(i2h(onehot(x_t)) + h2h(h_{t-1})),   logits_t = h2o(h_t)

Parameters, with the NumPy names:
    i2h.weight (12, 6) = Wxh,   h2h.weight (12, 12) = Whh,   h2h.bias = bh (12, 1)
    h2o.weight (6, 12) = Why,   h2o.bias = by (6, 1)
(the NumPy program keeps column vectors, so its weights are already (out, in)).

The hidden state lives in a buffer, detached after every step (truncated BPTT), zeroed
when the chunk counter wraps round. Training: summed cross-entropy,
clip_grad_value_(5), torch.optim.Adagrad(lr=0.1, eps=1e-8).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

CLIP = 5.0


class CharRNN(nn.Module):
    def __init__(self, vocab_size=6, hidden_size=12):
        super().__init__()
        self.vocab_size = vocab_size
        self.i2h = nn.Linear(vocab_size, hidden_size, bias=False)
        self.h2h = nn.Linear(hidden_size, hidden_size)
        self.h2o = nn.Linear(hidden_size, vocab_size)
        self.register_buffer("h", torch.zeros(1, hidden_size))
        self.step_count = 0

    def forward(self, inputs, h=None):
        if h is None:
            h = self.h.new_zeros(self.h.shape)
        x = F.one_hot(inputs, self.vocab_size).to(self.i2h.weight.dtype)   # (T, vocab)
        hs = []
        for t in range(x.shape[0]):
            h = torch.tanh(self.i2h(x[t:t + 1]) + self.h2h(h))
            hs.append(h)
        return self.h2o(torch.cat(hs)), h                                 # (T, vocab), (1, hidden)


def make_optimizer(model, lr=0.1):
    return torch.optim.Adagrad(model.parameters(), lr=lr, eps=1e-8)


def train_step(model, optimizer, X, y):
    i = model.step_count % X.shape[0]
    if i == 0:
        model.h.zero_()
    optimizer.zero_grad()
    logits, h = model(X[i], model.h)
    loss = F.nll_loss(F.log_softmax(logits, dim=0), y[i], reduction="sum")  # fix: loss = F.cross_entropy(logits, y[i], reduction="sum")
    loss.backward()
    torch.nn.utils.clip_grad_value_(model.parameters(), CLIP)
    optimizer.step()
    model.h = h.detach()
    model.step_count += 1
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "charseq.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = CharRNN()
    optimizer = make_optimizer(model)
    for step in range(60):
        loss = train_step(model, optimizer, X, y)
        if step % 6 == 0:
            print(f"step {step:3d}  loss {loss:.4f}")

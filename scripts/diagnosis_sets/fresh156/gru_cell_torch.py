"""Another correct port of gru_numpy.py: an nn.GRUCell stepped by hand over the window
(batch first), the logits of every position from one nn.Linear on the stacked states.

    emb.weight = C, cell.weight_ih = W_ih, cell.weight_hh = W_hh, cell.bias_ih = b_ih,
    cell.bias_hh = b_hh, out.weight = W_out, out.bias = b_out
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class CharGRU(nn.Module):
    def __init__(self, vocab=16, n_embd=8, hidden=12):
        super().__init__()
        self.emb = nn.Embedding(vocab, n_embd)
        self.cell = nn.GRUCell(n_embd, hidden)
        self.out = nn.Linear(hidden, vocab)

    def forward(self, X):
        e = self.emb(X)
        h = torch.zeros(X.size(0), self.cell.hidden_size, dtype=e.dtype, device=e.device)
        states = []
        for x_t in e.unbind(1):
            h = self.cell(x_t, h)
            states.append(h)
        return self.out(torch.stack(states, 1))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logits = model(X)
    loss = F.nll_loss(F.log_softmax(logits, dim=-1).transpose(1, 2), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 0.22)
    optimizer.step()
    return float(loss)

"""PyTorch port of gru_numpy.py: nn.Embedding -> nn.GRU(batch_first) -> nn.Linear, softmax
cross-entropy averaged over every position, clip_grad_norm_(0.22), torch.optim.Adam(lr=1e-2).

    emb.weight (V, E) = C,  gru.weight_ih_l0 (3H, E) = W_ih,  gru.weight_hh_l0 (3H, H) = W_hh,
    gru.bias_ih_l0 = b_ih,  gru.bias_hh_l0 = b_hh,  out.weight (V, H) = W_out,  out.bias = b_out
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, EMBD, HIDDEN = 16, 8, 12


class CharGRU(nn.Module):
    def __init__(self, vocab=VOCAB, n_embd=EMBD, hidden=HIDDEN):
        super().__init__()
        self.emb = nn.Embedding(vocab, n_embd)
        self.gru = nn.GRU(n_embd, hidden, batch_first=True)
        self.out = nn.Linear(hidden, vocab)

    def forward(self, X):
        h, _ = self.gru(self.emb(X))           # h0 defaults to zeros
        return self.out(h)                      # (N, T, V)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.22)
    loss.backward()
    optimizer.step()
    return loss.item()

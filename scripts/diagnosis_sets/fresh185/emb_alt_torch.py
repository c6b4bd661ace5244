"""Another PyTorch port of emb_numpy.py, written without nn.Embedding or a CRF class.

  * the embedding table is a bare nn.Parameter, looked up by a one-hot matrix product
    (F.one_hot(X) @ table), which gives the same gradient as an index lookup;
  * the CRF parameters live in an nn.ParameterDict (crf.trans, crf.start, crf.end);
  * log-sum-exp written by hand with the usual max shift, the max detached (the shift
    cancels in the value, so its gradient is not needed);
  * the gold path score is a sum over one-hot masks rather than indexing;
  * AdamW(lr=0.05, weight_decay=0.01) with its parameters passed in explicit groups.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


def log_sum_exp(x, dim):
    shift = x.amax(dim=dim, keepdim=True).detach()
    return (x - shift).exp().sum(dim=dim).log() + shift.squeeze(dim)


class OneHotCRFTagger(nn.Module):
    def __init__(self, vocab=15, dim=8, n_tags=5):
        super().__init__()
        self.vocab, self.n_tags = vocab, n_tags
        self.table = nn.Parameter(torch.randn(vocab, dim))
        self.out = nn.Linear(dim, n_tags)
        self.crf = nn.ParameterDict({
            "trans": nn.Parameter(torch.zeros(n_tags, n_tags)),
            "start": nn.Parameter(torch.zeros(n_tags)),
            "end": nn.Parameter(torch.zeros(n_tags)),
        })

    def forward(self, X):
        onehot = F.one_hot(X, self.vocab).to(self.table.dtype)
        return self.out(onehot @ self.table)

    def nll(self, X, tags):
        em = self(X)
        trans, start, end = self.crf["trans"], self.crf["start"], self.crf["end"]
        Y = F.one_hot(tags, self.n_tags).to(em.dtype)                    # (N, T, K)
        gold = (Y * em).sum(dim=(1, 2)) + Y[:, 0] @ start + Y[:, -1] @ end
        gold = gold + torch.einsum("nti,ij,ntj->n", Y[:, :-1], trans, Y[:, 1:])
        alpha = start + em[:, 0]
        for t in range(1, em.shape[1]):
            alpha = log_sum_exp(alpha[:, :, None] + trans[None], dim=1) + em[:, t]
        log_z = log_sum_exp(alpha + end, dim=1)
        return torch.mean(log_z - gold)


def make_optimizer(model):
    groups = [{"params": [model.table]},
              {"params": list(model.out.parameters())},
              {"params": list(model.crf.parameters())}]
    return torch.optim.AdamW(groups, lr=0.05, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = model.nll(X, y)
    loss.backward()
    optimizer.step()
    return float(loss)

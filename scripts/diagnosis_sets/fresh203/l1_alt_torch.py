"""PyTorch port of l1_numpy.py written with raw parameters in the NumPy layout.

    W_enc (n_in, n_feat), b_enc (n_feat,), W_dec (n_feat, n_in), b_dec (n_in,)
Reconstruction by F.mse_loss(reduction='sum') / N, the L1 term by torch.linalg.vector_norm,
the decoder rows renormalised with F.normalize after torch.optim.Adam's step.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SparseAutoencoder(nn.Module):
    def __init__(self, n_in=16, n_feat=32, lam=0.1):
        super().__init__()
        self.W_enc = nn.Parameter(torch.randn(n_in, n_feat) * 0.3)
        self.b_enc = nn.Parameter(torch.zeros(n_feat))
        self.W_dec = nn.Parameter(torch.randn(n_feat, n_in) * 0.4)
        self.b_dec = nn.Parameter(torch.zeros(n_in))
        self.lam = lam

    def encode(self, x):
        return torch.relu(torch.addmm(self.b_enc, x - self.b_dec, self.W_enc))

    def decode(self, f):
        return torch.addmm(self.b_dec, f, self.W_dec)

    def loss(self, x):
        f = self.encode(x)
        n = x.shape[0]
        recon = F.mse_loss(self.decode(f), x, reduction="sum") / n
        l1 = torch.linalg.vector_norm(f, ord=1, dim=1).sum() / n
        return recon + self.lam * l1


def make_optimizer(model):
    return torch.optim.Adam([model.W_enc, model.b_enc, model.W_dec, model.b_dec], lr=5e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = model.loss(X)
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        model.W_dec.copy_(F.normalize(model.W_dec, dim=1, eps=0.0))
    return float(loss)

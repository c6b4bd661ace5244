"""The capsule network with a reconstruction decoder of capsrecon_numpy.py ported in another
style: the encoder an nn.Sequential (Linear, ReLU, Linear), the prediction vectors by torch.einsum
with its own subscripts, routing in the style of many CapsNet ports (the intermediate iterations
run on u_hat.detach(), only the last sees u_hat), the mask as a batched matrix product with the
one-hot label, the decoder an nn.Sequential ending in nn.Sigmoid, the reconstruction loss as
F.mse_loss(reduction='sum') over the batch size, F.relu margins, Adam with foreach=False."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, HIDDEN, N_PRIM, D_PRIM, N_CLASS, D_CLASS, DEC = 12, 16, 6, 4, 3, 6, 16
ROUTING = 3
M_PLUS, M_MINUS, LAM, RECON_W = 0.9, 0.1, 0.5, 0.1
EPS = 1e-7
LR = 0.01


def squash(s):
    norm2 = torch.sum(s * s, dim=-1, keepdim=True)
    return (norm2 / (1 + norm2)) * (s / (norm2 + EPS).sqrt())


class CapsReconSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(N_IN, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, N_PRIM * D_PRIM))
        self.W = nn.Parameter(0.5 * torch.randn(N_PRIM, N_CLASS, D_CLASS, D_PRIM))
        self.decoder = nn.Sequential(nn.Linear(N_CLASS * D_CLASS, DEC), nn.ReLU(), nn.Linear(DEC, N_IN),
                                     nn.Sigmoid())

    def forward(self, x, onehot):
        u = squash(self.encoder(x).unflatten(1, (N_PRIM, D_PRIM)))
        u_hat = torch.einsum("ijab,zib->zija", self.W, u)
        u_hat_detached = u_hat.detach()
        b = torch.zeros_like(u_hat[..., 0])
        for r in range(ROUTING):
            c = b.softmax(dim=-1)
            if r == ROUTING - 1:
                v = squash(torch.einsum("zij,zija->zja", c, u_hat))
            else:
                v = squash(torch.einsum("zij,zija->zja", c, u_hat_detached))
                b = b + torch.einsum("zija,zja->zij", u_hat_detached, v)
        # diag(onehot) (n, K, K) @ ones (n, K, D): ones on the target capsule's row, zeros elsewhere
        masked = (v * torch.bmm(torch.diag_embed(onehot), torch.ones_like(v))).reshape(len(x), -1)
        return v, self.decoder(masked)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    v, recon = model(X, y)
    lengths = v.norm(dim=-1)
    margin = y * F.relu(M_PLUS - lengths).square() + LAM * (1.0 - y) * F.relu(lengths - M_MINUS).square()
    loss = margin.sum(-1).mean() + RECON_W * F.mse_loss(recon, X, reduction="sum") / X.shape[0]
    loss.backward()
    optimizer.step()
    return loss.item()

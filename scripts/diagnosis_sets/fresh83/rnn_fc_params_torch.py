"""The RNNForecaster port of rnn_fc_torch.py written in another style: raw nn.Parameters kept in
the NumPy layout (Wx (1, hidden), Wh (hidden, hidden), bh, Wy (hidden, 3), by), the recurrence
with torch.addmm over the time steps of X.T, the horizon weights applied by torch.einsum on
F.mse_loss(reduction='none'), the global-norm clipping written by hand (the factor
max_norm / (norm + 1e-6) when it is below 1, as clip_grad_norm_), RMSprop(foreach=False) and the
step schedule as a LambdaLR."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

T, HIDDEN, H = 12, 8, 3
LR, ALPHA, EPS, STEP_SIZE, GAMMA = 0.01, 0.9, 1e-8, 6, 0.5
MAX_NORM = 0.7
HW = (1.0, 0.6, 0.3)


class RNNForecasterP(nn.Module):
    def __init__(self):
        super().__init__()
        self.Wx = nn.Parameter(torch.zeros(1, HIDDEN))
        self.Wh = nn.Parameter(torch.zeros(HIDDEN, HIDDEN))
        self.bh = nn.Parameter(torch.zeros(HIDDEN))
        self.Wy = nn.Parameter(torch.zeros(HIDDEN, H))
        self.by = nn.Parameter(torch.zeros(H))
        self.register_buffer("hw", torch.tensor(HW))

    def forward(self, X):
        h = torch.zeros(X.shape[0], HIDDEN, dtype=X.dtype, device=X.device)
        for x_t in X.T:
            h = torch.tanh(torch.addmm(self.bh, x_t.unsqueeze(1), self.Wx) + h @ self.Wh)
        return torch.addmm(self.by, h, self.Wy)


def make_optimizer(model):
    optimizer = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS, foreach=False)
    scheduler = LambdaLR(optimizer, lambda k: GAMMA ** (k // STEP_SIZE))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad(set_to_none=True)
    sq = F.mse_loss(model(X), y, reduction="none")
    w = model.hw.to(sq.dtype)
    loss = torch.einsum("nh,h->", sq, w) / (X.shape[0] * w.sum())
    loss.backward()
    with torch.no_grad():
        grads = [p.grad for p in model.parameters()]
        norm = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
        factor = MAX_NORM / (norm + 1e-6)
        if factor < 1:
            for g in grads:
                g.mul_(factor)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()

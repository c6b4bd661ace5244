"""The LISTA port of lista_torch.py written in another style: the encoder, the mutual inhibition
and the decoder as bias-free nn.Linear layers (their weights the transposes of the NumPy
matrices), the soft threshold written as u - clamp(u, -theta, theta), the reconstruction error
through F.mse_loss(reduction='sum') and the L1 term through torch.linalg.vector_norm(ord=1), and
the step decay as a MultiStepLR with milestones at every STEP_SIZE updates."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import MultiStepLR

D, L, K = 12, 16, 3
LAM = 0.05
LR, ALPHA, STEP_SIZE, GAMMA = 0.003, 0.9, 8, 0.5


class LISTALinear(nn.Module):
    def __init__(self):
        super().__init__()
        self.encode = nn.Linear(D, L, bias=False)
        self.inhibit = nn.Linear(L, L, bias=False)
        self.theta = nn.Parameter(torch.full((L,), 0.1))
        self.decode = nn.Linear(L, D, bias=False)

    def shrink(self, u):
        return u - torch.clamp(u, -self.theta, self.theta)

    def forward(self, X):
        drive = self.encode(X)
        code = self.shrink(drive)
        for _ in range(K):
            code = self.shrink(drive + self.inhibit(code))
        return code, self.decode(code)


def make_optimizer(model):
    optimizer = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=1e-8, momentum=0.0)
    scheduler = MultiStepLR(optimizer, milestones=list(range(STEP_SIZE, 1000, STEP_SIZE)), gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad(set_to_none=True)
    code, recon = model(X)
    rows = X.size(0)
    loss = (0.5 * F.mse_loss(recon, y, reduction="sum") + LAM * torch.linalg.vector_norm(code, ord=1)) / rows
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()

"""SkipGramNS in PyTorch: two nn.Embedding tables (centre and context words), the positive score
u_c . v_o and the negative scores by torch.bmm, the loss -(logsigmoid(s_pos) + logsigmoid(-s_neg)
summed over the negatives) averaged over the batch; torch.optim.SGD with a LambdaLR linear decay."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

VOCAB, DIM, K = 30, 8, 4
LR, TOTAL = 2.0, 40


class SkipGramNS(nn.Module):
    def __init__(self):
        super().__init__()
        self.in_embed = nn.Embedding(VOCAB, DIM)
        self.out_embed = nn.Embedding(VOCAB, DIM)

    def forward(self, centre, context, negatives):
        u = self.in_embed(centre)                          # (n, DIM)
        v_pos = self.out_embed(context)                    # (n, DIM)
        v_neg = self.out_embed(negatives)                  # (n, K, DIM)
        s_pos = (u * v_pos).sum(dim=1)
        s_neg = torch.bmm(v_neg, u.unsqueeze(2)).squeeze(2)
        return s_pos, s_neg


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    scheduler = LambdaLR(optimizer, lambda step: 1.0 - step / TOTAL)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    s_pos, s_neg = model(X, y[:, 0], y[:, 1:])
    loss = -(F.logsigmoid(s_pos) + F.logsigmoid(-s_neg).sum(dim=1)).mean()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()

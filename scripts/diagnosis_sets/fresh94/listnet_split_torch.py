"""ListNet in PyTorch without padding: the scorer an nn.Sequential with nn.GELU('tanh'), the rows
split into their queries with torch.split over torch.unique_consecutive's counts (the rows of a
query lie together), and each query's loss F.cross_entropy with probability targets: the
scores / TEMP as one row of logits against softmax(y) as the target distribution; the mean over
the queries. AdamW with a LambdaLR computing GAMMA ** epoch."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D_IN, HIDDEN = 8, 10
LR, WD, GAMMA, TEMP = 0.02, 0.01, 0.95, 0.5


class ListNetSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.scorer = nn.Sequential(nn.Linear(D_IN, HIDDEN), nn.GELU(approximate="tanh"),
                                    nn.Linear(HIDDEN, 1, bias=False))

    def forward(self, feats):
        return self.scorer(feats).flatten()


def make_optimizer(model):
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, betas=(0.9, 0.999), weight_decay=WD)
    return optimizer, LambdaLR(optimizer, lambda epoch: GAMMA ** epoch)


def train_step(model, optimizer, X, y, scheduler=None):
    s = model(X[:, 1:])
    _, counts = torch.unique_consecutive(X[:, 0], return_counts=True)
    sizes = counts.tolist()
    per_query = [F.cross_entropy((sq / TEMP).unsqueeze(0), torch.softmax(yq, dim=0).unsqueeze(0))
                 for sq, yq in zip(torch.split(s, sizes), torch.split(y, sizes))]
    loss = torch.stack(per_query).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()

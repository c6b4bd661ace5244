"""MeanTeacher in PyTorch written another way: the student an nn.Sequential; the EMA teacher's
tensors kept in buffers named after the Sequential's parameters, the teacher run with
torch.func.functional_call over them, moved with Tensor.lerp_; the label-smoothed targets built
by hand (F.one_hot) and fed to F.cross_entropy as class probabilities; the KL divergence written
out as sum(p_t * (log p_t - log p_s)) / n; SGD(nesterov=True)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call

D_IN, HIDDEN, K = 6, 6, 3
T, LAM, EPS_LS, DECAY = 3.0, 0.5, 0.1, 0.8
LR, MU = 0.05, 0.9


class MeanTeacherSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(D_IN, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, K))
        self.names = [name for name, _ in self.net.named_parameters()]
        for name, p in self.net.named_parameters():
            self.register_buffer("avg_" + name.replace(".", "_"), torch.zeros_like(p))
        self.register_buffer("n_updates", torch.zeros((), dtype=torch.long))

    def forward(self, x):
        return self.net(x)

    def averaged(self):
        return {name: getattr(self, "avg_" + name.replace(".", "_")) for name in self.names}

    @torch.no_grad()
    def teacher_logits(self, x):
        return functional_call(self.net, self.averaged(), (x,))

    @torch.no_grad()
    def track(self):
        params = dict(self.net.named_parameters())
        for name, avg in self.averaged().items():
            if self.n_updates == 0:
                avg.copy_(params[name])
            else:
                avg.lerp_(params[name], 1.0 - DECAY)
        self.n_updates += 1


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, nesterov=True)


def train_step(model, optimizer, X, y):
    if model.n_updates == 0:
        model.track()
    targets = F.one_hot(y.long(), K).to(X.dtype) * (1.0 - EPS_LS) + EPS_LS / K
    p_t = F.softmax(model.teacher_logits(X) / T, dim=1)
    optimizer.zero_grad()
    logits = model(X)
    hard = F.cross_entropy(logits, targets)
    kd = torch.sum(p_t * (torch.log(p_t) - F.log_softmax(logits / T, dim=1))) / X.shape[0]
    loss = hard + LAM * T ** 2 * kd
    loss.backward()
    optimizer.step()
    model.track()
    return loss.item()

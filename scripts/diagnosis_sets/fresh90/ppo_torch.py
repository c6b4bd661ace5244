"""PPODiscrete in PyTorch: nn.Linear + ReLU + nn.Linear logits and an nn.Linear critic; the
advantages normalised with the population std, the clipped surrogate with torch.clamp and
torch.min, F.mse_loss for the critic, an entropy bonus; torch.optim.Adam with a LambdaLR linear
annealing stepped after each update."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

N_FEAT, HIDDEN, N_ACT = 6, 12, 4
LR, ANNEAL = 0.01, 25
CLIP, VF_COEF, ENT_COEF = 0.2, 0.5, 0.01


class PPODiscrete(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(N_FEAT, HIDDEN)
        self.logits = nn.Linear(HIDDEN, N_ACT)
        self.critic = nn.Linear(N_FEAT, 1)

    def forward(self, S):
        return self.logits(F.relu(self.hidden(S))), self.critic(S).squeeze(-1)


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    scheduler = LambdaLR(optimizer, lambda step: 1.0 - step / ANNEAL)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    S = X[:, :N_FEAT]
    a = X[:, N_FEAT].long()
    adv = X[:, N_FEAT + 1]
    old_logp = X[:, N_FEAT + 2]
    returns = y
    adv = (adv - adv.mean()) / (adv.std(unbiased=False) + 1e-8)

    optimizer.zero_grad()
    logits, value = model(S)
    logp_all = F.log_softmax(logits, dim=-1)
    logp = logp_all.gather(1, a.unsqueeze(1)).squeeze(1)
    ratio = torch.exp(logp - old_logp)
    surr1 = ratio * adv
    surr2 = torch.clamp(ratio, 1.0 - CLIP, 1.0 + CLIP) * adv
    policy_loss = -torch.min(surr1, surr2).mean()
    value_loss = F.mse_loss(value, returns)
    entropy = -(logp_all.exp() * logp_all).sum(dim=-1).mean()
    loss = policy_loss + VF_COEF * value_loss - ENT_COEF * entropy
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()

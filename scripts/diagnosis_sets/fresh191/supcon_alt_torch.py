"""Another PyTorch port of supcon_numpy.py: the parameters declared by hand as nn.Parameter
tensors, the loss written as in the reference SupCon implementation (logits shifted by their
detached row maximum, the self-contrast removed by a 0/1 mask multiplied into exp, the mean
log-likelihood over the positives), Adam from torch.optim."""

import torch
import torch.nn as nn


class SupConPort(nn.Module):
    def __init__(self, d_in=10, d_hidden=24, d_proj=8, temperature=0.2):
        super().__init__()
        self.w_enc = nn.Parameter(torch.empty(d_in, d_hidden).uniform_(-0.3, 0.3))
        self.b_enc = nn.Parameter(torch.zeros(d_hidden))
        self.w_proj = nn.Parameter(torch.empty(d_hidden, d_proj).uniform_(-0.2, 0.2))
        self.b_proj = nn.Parameter(torch.zeros(d_proj))
        self.temperature = temperature

    def forward(self, X):
        n, v, d = X.shape
        x = X.transpose(0, 1).reshape(v * n, d)
        h = torch.tanh(torch.addmm(self.b_enc, x, self.w_enc))
        return torch.addmm(self.b_proj, h, self.w_proj)


def supcon(features, y, temperature):
    n2 = features.shape[0]
    labels = y.repeat(2).view(-1, 1)
    mask = torch.eq(labels, labels.T).to(features.dtype)
    features = features / features.norm(p=2, dim=1, keepdim=True)
    logits = torch.div(features @ features.T, temperature)
    logits_max, _ = torch.max(logits, dim=1, keepdim=True)
    logits = logits - logits_max.detach()
    logits_mask = 1.0 - torch.eye(n2, dtype=features.dtype, device=features.device)
    mask = mask * logits_mask
    exp_logits = torch.exp(logits) * logits_mask
    log_prob = logits - torch.log(exp_logits.sum(1, keepdim=True))
    mean_log_prob_pos = (mask * log_prob).sum(1) / mask.sum(1)
    return -mean_log_prob_pos.mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = supcon(model(X), y, model.temperature)
    loss.backward()
    optimizer.step()
    return loss.item()

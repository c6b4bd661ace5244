"""a_torch written another way: the centres a buffer moved by hand under
torch.no_grad() after the SGD step, not a parameter; the loss through
log_softmax and a gather."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CenterPort(nn.Module):
    def __init__(self, n_in=5, n_hidden=8, n_emb=2, n_classes=3, lam=0.01, alpha=0.5):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_emb)
        self.fc3 = nn.Linear(n_emb, n_classes)
        self.register_buffer("centers", torch.zeros(n_classes, n_emb))
        self.n_classes, self.lam, self.alpha = n_classes, lam, alpha

    def forward(self, X):
        emb = self.fc2(torch.relu(self.fc1(X)))
        return emb, self.fc3(emb)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    emb, logits = model(X)
    logp = F.log_softmax(logits, dim=1)
    ce = -logp.gather(1, y[:, None]).mean()
    center = 0.5 * model.lam * (emb - model.centers[y]).pow(2).sum()
    loss = ce + center
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        e = emb.detach()
        for j in range(model.n_classes):
            members = e[y == j]
            n_j = members.shape[0]
            model.centers[j] -= model.alpha * (n_j * model.centers[j] - members.sum(dim=0)) / (1 + n_j)
    return loss.item()

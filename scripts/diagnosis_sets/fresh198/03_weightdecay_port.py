"""PyTorch port of film_numpy.py: FiLM-conditioned MLP, cross-entropy, SGD with Nesterov momentum."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class FiLMNet(nn.Module):
    def __init__(self, n_feat=6, n_cond=4, hidden=16, n_cls=3):
        super().__init__()
        self.n_feat = n_feat
        self.fc1 = nn.Linear(n_feat, hidden)
        self.film_gamma = nn.Linear(n_cond, hidden)
        self.film_beta = nn.Linear(n_cond, hidden)
        self.out = nn.Linear(hidden, n_cls)

    def forward(self, X):
        x, c = X[:, :self.n_feat], X[:, self.n_feat:]
        h = self.fc1(x)
        gamma = 1.0 + self.film_gamma(c)
        beta = self.film_beta(c)
        return self.out(torch.relu(gamma * h + beta))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True, weight_decay=5e-4)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.long())
    loss.backward()
    optimizer.step()
    return loss.item()

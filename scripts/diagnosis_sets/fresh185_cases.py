"""One hundred and eighty-fifth fresh held-out set for the diagnosis: one planted bug per program
in fresh185/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is sequence labelling with
a linear-chain conditional random field on top of a per-token tagger: emission scores, a learned
transition matrix with start and end scores, the negative log-likelihood with the forward
algorithm in log space (log-sum-exp), and on the NumPy side the gradient written by hand from
the forward-backward node and edge marginals. Fixed-length sequences, stored flat in X, tags in y.

The base programs (data from fresh185/make_data.py, fixed seed, nothing random while training):

    mlp_numpy.py:MLPCRFTagger / mlp_torch.py:MLPCRFTagger, mlp.npz X (48, 30) float (6 tokens of
        5 features, flat), y (48, 6) tags in {0..3}
        per-token MLP 5 -> 12 tanh -> 4 emission scores (W kept (in, out)); CRF with
        trans[i, j] (tag i followed by tag j), start, end; loss the mean over sequences of
        log Z - gold score. NumPy: alpha / beta recursions in log space, node marginals gamma
        and edge marginals xi for the gradient. Port: nn.Linear layers, torch.logsumexp forward
        algorithm, autograd. SGD lr 0.1, momentum 0.9 (torch convention v = mu v + g).
    emb_numpy.py:EmbCRFTagger / emb_torch.py:EmbCRFTagger, emb.npz X (32, 8) int64 token ids in
        {0..14}, y (32, 8) tags in {0..4}
        embedding 15 x 8 -> linear 8 -> 5 emission scores (W_out kept (out, in)); CRF as above
        (the port's CRF module in the pytorch-crf layout: transitions, start_transitions,
        end_transitions); the NumPy embedding gradient scattered with np.add.at. AdamW lr 0.05,
        betas (0.9, 0.999), eps 1e-8, decoupled weight decay 0.01 (as torch.optim.AdamW).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh185_cases

Each case:
    id          short name (prefixed VC)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh185/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def mlp(numpy="mlp_numpy.py", port="mlp_torch.py"):
    return [F + numpy + ":MLPCRFTagger", "--torch", F + port + ":MLPCRFTagger",
            "--data", F + "mlp.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias",
            "--param", "params['trans']=transitions",
            "--param", "params['start']=start_scores",
            "--param", "params['end']=end_scores", *RUN]


def emb(numpy="emb_numpy.py", port="emb_torch.py"):
    return [F + numpy + ":EmbCRFTagger", "--torch", F + port + ":EmbCRFTagger",
            "--data", F + "emb.npz", "--as-written",
            "--param", "p['emb']=embed.weight",
            "--param", "p['W_out']=proj.weight",
            "--param", "p['b_out']=proj.bias",
            "--param", "p['trans']=crf.transitions",
            "--param", "p['start']=crf.start_transitions",
            "--param", "p['end']=crf.end_transitions", *RUN]


def mlp_alt_numpy():
    return [F + "mlp_alt_numpy.py:MLPCRFTaggerAlt", "--torch", F + "mlp_torch.py:MLPCRFTagger",
            "--data", F + "mlp.npz", "--as-written",
            "--param", "theta['W1']=fc1.weight.T",
            "--param", "theta['b1']=fc1.bias",
            "--param", "theta['W2']=fc2.weight.T",
            "--param", "theta['b2']=fc2.bias",
            "--param", "theta['trans_tf']=transitions.T",
            "--param", "theta['start']=start_scores",
            "--param", "theta['end']=end_scores", *RUN]


def emb_alt_port():
    return [F + "emb_numpy.py:EmbCRFTagger", "--torch", F + "emb_alt_torch.py:OneHotCRFTagger",
            "--data", F + "emb.npz", "--as-written",
            "--param", "p['emb']=table",
            "--param", "p['W_out']=out.weight",
            "--param", "p['b_out']=out.bias",
            "--param", "p['trans']=crf.trans",
            "--param", "p['start']=crf.start",
            "--param", "p['end']=crf.end", *RUN]


def mlp_alt_port():
    return [F + "mlp_numpy.py:MLPCRFTagger", "--torch", F + "mlp_alt_torch.py:BruteForceCRFTagger",
            "--data", F + "mlp.npz", "--as-written",
            "--param", "params['W1']=mlp.0.weight.T",
            "--param", "params['b1']=mlp.0.bias",
            "--param", "params['W2']=mlp.2.weight.T",
            "--param", "params['b2']=mlp.2.bias",
            "--param", "params['trans']=trans",
            "--param", "params['start']=start",
            "--param", "params['end']=end", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VC01", "side": "port", "args": mlp(port="01_transT_port.py"),
     "mechanism": "forward algorithm broadcasts alpha.unsqueeze(1) + transitions and reduces "
                  "dim=2: the partition function reads transitions[to, from], the transpose of "
                  "the matrix the gold path score uses",
     "expected": ("transpose", "transition", "layout", "partition", "axis")},
    {"id": "VC02", "side": "port", "args": mlp(port="02_noend_port.py"),
     "mechanism": "end scores left out of the log partition function (logsumexp(alpha) instead "
                  "of logsumexp(alpha + end)) while the gold path score still adds end[y_T]",
     "expected": ("end", "partition", "missing", "log z", "term")},
    {"id": "VC03", "side": "port", "args": mlp(port="03_sumloss_port.py"),
     "mechanism": "negative log-likelihood summed over the 48 sequences instead of averaged: "
                  "every gradient 48 times the NumPy one",
     "expected": ("sum", "mean", "reduction", "batch size", "48")},
    {"id": "VC04", "side": "port", "args": mlp(port="04_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: gradients accumulate across "
                  "steps (identical at step 1, off from step 2)",
     "expected": ("zero_grad", "accumulat", "accumulate", "previous step")},
    {"id": "VC05", "side": "port", "args": emb(port="05_paddingidx_port.py"),
     "mechanism": "nn.Embedding(vocab, dim, padding_idx=0): token 0 is a real, frequent word, "
                  "but its embedding row gets no gradient in the port",
     "expected": ("padding_idx", "padding", "row 0", "embedding", "zero gradient")},
    {"id": "VC06", "side": "port", "args": emb(port="06_coupledwd_port.py"),
     "mechanism": "torch.optim.Adam(weight_decay=0.01), an L2 term coupled into the gradient "
                  "and the moments, where the NumPy program applies AdamW's decoupled decay",
     "expected": ("weight decay", "decoupled", "adamw", "coupled", "l2")},
    {"id": "VC07", "side": "port", "args": emb(port="07_firstemission_port.py"),
     "mechanism": "gold path score starts from start_transitions[y_0] alone: the emission score "
                  "of the first token is never added (the loop over t starts at 1)",
     "expected": ("first", "emission", "gold", "off-by-one", "t=0", "score")},
    {"id": "VC08", "side": "port", "args": emb(port="08_viterbimax_port.py"),
     "mechanism": "partition recursion uses max over the previous tag (Viterbi, max-product) "
                  "instead of logsumexp inside the loop; the final reduction stays logsumexp",
     "expected": ("max", "viterbi", "logsumexp", "log-sum-exp", "partition")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VC09", "side": "numpy", "args": mlp(numpy="09_tanhderiv_numpy.py"),
     "mechanism": "tanh derivative taken of the activation: 1 - tanh(h)**2 with h = tanh(z) "
                  "already, instead of 1 - h**2 (W1 and b1 gradients)",
     "expected": ("tanh", "derivative", "activation", "already", "twice")},
    {"id": "VC10", "side": "numpy", "args": mlp(numpy="10_edgeemission_numpy.py"),
     "mechanism": "edge marginals xi(t, i, j) computed from alpha_t + trans + beta_{t+1} without "
                  "the emission score of token t+1: the transition gradient is wrong",
     "expected": ("emission", "edge", "marginal", "transition", "pairwise", "missing")},
    {"id": "VC11", "side": "numpy", "args": mlp(numpy="11_dampening_numpy.py"),
     "mechanism": "momentum written as a moving average v = mu v + (1 - mu) g (dampening 0.9) "
                  "where torch.optim.SGD uses v = mu v + g",
     "expected": ("dampening", "momentum", "moving average", "1 - mu", "ema")},
    {"id": "VC12", "side": "numpy", "args": mlp(numpy="12_startgold_numpy.py"),
     "mechanism": "start-score gradient subtracts the one-hot of the last tag y[:, -1] instead "
                  "of the first tag y[:, 0] (copied from the end-score gradient)",
     "expected": ("start", "first", "last", "index", "tag")},
    {"id": "VC13", "side": "numpy", "args": emb(numpy="13_decaynolr_numpy.py"),
     "mechanism": "AdamW decoupled weight decay applied as p *= 1 - wd instead of "
                  "p *= 1 - lr * wd: decay 20 times too strong",
     "expected": ("weight decay", "decay", "learning rate", "lr", "decoupled")},
    {"id": "VC14", "side": "numpy", "args": emb(numpy="14_epssqrt_numpy.py"),
     "mechanism": "Adam epsilon placed inside the square root: sqrt(v_hat + eps) instead of "
                  "sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "square root", "denominator")},
    {"id": "VC15", "side": "numpy", "args": emb(numpy="15_fancyscatter_numpy.py"),
     "mechanism": "embedding gradient scattered with d_emb[X] += dx (buffered fancy indexing) "
                  "instead of np.add.at: repeated tokens keep only one contribution",
     "expected": ("add.at", "duplicate", "repeated", "scatter", "embedding", "index")},
    {"id": "VC16", "side": "numpy", "args": emb(numpy="16_betaoffbyone_numpy.py"),
     "mechanism": "backward recursion beta_t uses the emission of token t instead of t+1 "
                  "(off by one in time), so the marginals behind every gradient are wrong",
     "expected": ("off-by-one", "beta", "backward", "time", "marginal", "emission")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VC17", "side": "correct", "args": mlp_alt_numpy(),
     "mechanism": "correct: transitions kept (to, from), backward messages including their own "
                  "emission, log Z from the backward pass, einsum everywhere, in-place momentum",
     "expected": ()},
    {"id": "VC18", "side": "correct", "args": emb_alt_port(),
     "mechanism": "correct: port with a bare embedding table looked up by one-hot matmul, CRF "
                  "parameters in an nn.ParameterDict, hand-written log-sum-exp with a detached max",
     "expected": ()},
    {"id": "VC19", "side": "correct", "args": mlp_alt_port(),
     "mechanism": "correct: port computing log Z by brute force over all 4**6 tag sequences "
                  "(logsumexp of every path score), MLP as nn.Sequential",
     "expected": ()},
]

"""Thirty-third fresh held-out set for the diagnosis: one planted bug per program in fresh33/
(eight PyTorch ports, seven of them checked against a NumPy program of their own, and eight
NumPy programs, six of them checked against a correct port of their own) and three correct
programs in unusual styles. The theme is networks with two inputs or two branches and the
losses that compare them, written from scratch in NumPy and ported to PyTorch: siamese
networks with the contrastive loss of Hadsell et al., FaceNet's triplet loss, Koch's siamese
verification head on |h1 - h2|, a cosine-similarity head, a denoising autoencoder (noise drawn
once from a fixed seed, or a fixed mask), a variational autoencoder with the
reparameterisation trick on fixed noise, a mixture of two experts under a softmax gate, and
two-input networks (a one-hot id with dense features, two sensors). The ports use
F.pairwise_distance, F.triplet_margin_loss, F.triplet_margin_with_distance_loss,
F.cosine_similarity, torch.distributions, F.one_hot and torch.cat. The bugs: a distance
squared or not, a margin's sign, a loss's label convention, a distribution's scale, a
broadcast axis, where the noise comes from, which branch a gradient reaches and with which
sign, a norm's axis, an index, the input a gradient is built from, a concatenation's order.
fresh33/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh33_cases

Each case:
    id          short name (prefixed PG)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py), fresh/, fresh2/, ..., fresh32/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference, written beside it as
`# fix: ...`) to pass (exit 0) under the same arguments; each correct program passes (exit 0).
The correct NumPy programs and ports named *_numpy.py / *_torch.py without a number are the
references the numbered (buggy) files are checked against.
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh33/"
port, numpy_net = in_folder(F)

PAIRS, TRIPLETS, COSINE = F + "pairs.npz", F + "triplets.npz", F + "cosine.npz"
READINGS, MASKED, EXPERTS, USERS = F + "readings.npz", F + "masked.npz", F + "experts.npz", F + "users.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


TRIPLET = params("W1=encoder.0.weight.T", "b1=encoder.0.bias", "W2=encoder.2.weight.T")
CONTRASTIVE = params("W1=encoder.0.weight.T", "b1=encoder.0.bias", "W2=encoder.2.weight.T")
VAE = params("We=enc.weight.T", "be=enc.bias", "Wm=mu.weight.T", "bm=mu.bias", "Wv=logvar.weight.T",
             "bv=logvar.bias", "Wd=dec.weight.T", "bd=dec.bias", "Wo=out.weight.T", "bo=out.bias")
MOE = params("W1=experts.0.weight.T", "b1=experts.0.bias", "W2=experts.1.weight.T", "b2=experts.1.bias",
             "Wg=gate.weight.T", "bg=gate.bias")
DAE = params("W_enc=encoder.weight.T", "b_enc=encoder.bias", "W_dec=decoder.weight.T", "b_dec=decoder.bias")
KOCH = params("W1=encoder.0.weight.T", "b1=encoder.0.bias", "w=head.weight.T", "c=head.bias")
COS = params("W1=encoder.0.weight.T", "b1=encoder.0.bias", "W2=encoder.2.weight.T", "b2=encoder.2.bias")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PG01_triplet_builtin", side="port",
         args=pair("triplet_numpy.py", "TripletEmbedder", "01_triplet_torch.py", "TripletEmbedder",
                   "--data", TRIPLETS, *TRIPLET),
         mechanism="pair: FaceNet's triplet loss on squared Euclidean distances, max(0, ||a - p||^2 - ||a - n||^2 + "
                   "margin) (the NumPy program), is ported as torch's F.triplet_margin_loss, whose distances are "
                   "the plain, unsquared norms ||a - p||_2 (p=2, eps 1e-6): max(0, ||a - p|| - ||a - n|| + margin) "
                   "is a different loss, other triplets are active and each gradient 2 (a - p) becomes the unit "
                   "vector (a - p) / ||a - p||",
         expected=("triplet_margin_loss", "triplet", "squared", "not squared", "unsquared", "squared distance",
                   "squared euclidean", "euclidean distance", "p=2", "norm", "facenet", "distance_function",
                   "triplet_margin_with_distance_loss", "sqrt", "square root", "unit vector")),
    dict(id="PG02_triplet_swap", side="port",
         args=pair("triplet_numpy.py", "TripletEmbedder", "02_triplet_torch.py", "TripletEmbedder",
                   "--data", TRIPLETS, *TRIPLET),
         mechanism="pair: the port's F.triplet_margin_with_distance_loss keeps swap=True from a metric-learning "
                   "recipe (the distance swap of Balntas et al. 2016): the negative distance is min(d(a, n), "
                   "d(p, n)), so wherever the positive lies closer to the negative than the anchor does, the hinge "
                   "uses d(p, n) and that part of the gradient goes to the positive and the negative instead of the "
                   "anchor; the NumPy program always uses d(a, n)",
         expected=("swap", "swap=true", "distance swap", "balntas", "min(d(a, n), d(p, n))", "d(p, n)",
                   "positive and the negative", "positive-negative", "hardest", "harder negative",
                   "triplet_margin_with_distance_loss", "anchor", "negative distance", "triplet")),
    dict(id="PG03_contrastive_labels", side="port",
         args=pair("contrastive_numpy.py", "SiameseContrastive", "03_contrastive_torch.py", "SiameseContrastive",
                   "--data", PAIRS, *CONTRASTIVE),
         mechanism="pair: the contrastive loss is ported from equation (4) of Hadsell, Chopra and LeCun, where Y = 0 "
                   "marks a similar pair, 0.5 (1 - Y) D^2 + 0.5 Y max(0, m - D)^2, but the data's label is 1 for a "
                   "similar pair (the NumPy program's 0.5 y D^2 + 0.5 (1 - y) max(0, m - D)^2): the two terms swap "
                   "roles, similar pairs are pushed out to the margin and dissimilar pairs pulled together",
         expected=("label", "labels", "convention", "inverted", "flipped", "swapped", "1 - y", "similar",
                   "dissimilar", "hadsell", "y = 0", "pushed apart", "pulled together", "contrastive", "roles",
                   "opposite")),
    dict(id="PG04_vae_normal_scale", side="port",
         args=pair("vae_numpy.py", "VAE", "04_vae_torch.py", "VAE", "--data", READINGS, *VAE),
         mechanism="pair: the port builds the posterior as torch.distributions.Normal(mu, logvar.exp()), the "
                   "variance where Normal's second argument is the scale (the standard deviation exp(0.5 logvar)): "
                   "kl_divergence(q, N(0, 1)) is then the KL of N(mu, exp(2 logvar)), -0.5 sum(1 + 2 logvar - mu^2 - "
                   "exp(2 logvar)), instead of -0.5 sum(1 + logvar - mu^2 - exp(logvar)); the reparameterised z and "
                   "the reconstruction term are right",
         expected=("normal", "scale", "standard deviation", "std", "variance", "exp(0.5", "0.5 * logvar",
                   "logvar.exp()", "sigma^2", "sigma squared", "kl", "kl_divergence", "kl term", "torch.distributions",
                   "exp(2 logvar)", "2 * logvar", "logvar")),
    dict(id="PG05_moe_gate_broadcast", side="port",
         args=pair("moe_numpy.py", "MixtureOfTwo", "05_moe_torch.py", "MixtureOfTwo", "--data", EXPERTS, *MOE),
         mechanism="pair: the gate-weighted sum over the stacked (n, experts, outputs) expert outputs is written "
                   "gates.unsqueeze(1) * outputs instead of gates.unsqueeze(2): the (n, 1, 2) gates broadcast along "
                   "the outputs axis, so output k of both experts is weighted by gate k, out_k = g_k (f1_k + f2_k), "
                   "instead of g1 f1 + g2 f2; it runs only because there are as many experts as outputs (2)",
         expected=("unsqueeze", "unsqueeze(1)", "unsqueeze(2)", "broadcast", "broadcasting", "wrong axis",
                   "wrong dimension", "gate", "gates", "experts", "expert", "output axis", "outputs axis", "mixture",
                   "weighted sum", "as many experts as outputs")),
    dict(id="PG06_dae_torch_noise", side="port",
         args=pair("dae_numpy.py", "DenoisingAutoencoder", "06_dae_torch.py", "DenoisingAutoencoder",
                   "--data", READINGS, *DAE),
         mechanism="pair: the fixed corruption noise is regenerated in the port with torch.randn from a "
                   "torch.Generator seeded with the NumPy program's seed, as if the same seed gave the same numbers: "
                   "torch's generator and NumPy's default_rng draw different streams, so the port corrupts its "
                   "inputs with other noise (the same wrong noise every step) and its loss and every gradient "
                   "differ from the first step",
         expected=("noise", "seed", "generator", "torch.randn", "random", "randn", "default_rng", "different noise",
                   "different random", "rng", "same seed", "random stream", "corruption", "corrupted",
                   "manual_seed", "denoising")),
    dict(id="PG07_siamese_detached_branch", side="port",
         args=pair("koch_numpy.py", "KochSiamese", "07_koch_torch.py", "KochSiamese", "--data", PAIRS, *KOCH),
         mechanism="pair: the port detaches the second branch of the shared-weight siamese encoder, h2 = "
                   "encoder(x2).detach() (SimSiam's stop-gradient): the encoder's gradient keeps only the first "
                   "input's contribution, the path through h2 of |h1 - h2| dropped (W1 and b1 wrong), while the "
                   "head's gradient (w, c) is right",
         expected=("detach", ".detach()", "stop-gradient", "stop gradient", "no gradient", "simsiam", "second branch",
                   "second input", "one branch", "branch", "siamese", "shared", "shared encoder", "tower", "h2",
                   "dropped")),
    dict(id="PG08_two_input_cat_order", side="port",
         args=port("08_user_id_port.py", "Net", "--data", USERS, "--hidden-activation", "tanh", "--loss", "bce",
                   "--lr", "0.5"),
         mechanism="the port's two-input forward concatenates torch.cat([dense, one_hot(id)]) where the first "
                   "layer's weight (the kit's W1, in the data's column order) expects the one-hot id first and the "
                   "dense features after: every input column meets another column's weights (the dense features "
                   "those of ids 0-2, the ids those of the rest), so the output and every gradient differ from the "
                   "first step",
         expected=("concatenat", "torch.cat", "cat", "order", "column order", "swapped", "one-hot", "one_hot",
                   "dense", "input order", "columns", "permuted", "first layer", "w1", "misaligned", "features")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PG09_contrastive_branch_sign", side="numpy",
         args=pair("09_contrastive_numpy.py", "SiameseContrastive", "contrastive_torch.py", "SiameseContrastive",
                   "--data", PAIRS, *CONTRASTIVE),
         mechanism="pair: the second branch's embedding gradient is written d_e2 = d_diff, a copy of the first "
                   "branch's, instead of -d_diff: the distance depends on e1 - e2, so the second input's gradient "
                   "has the wrong sign; through the shared encoder the two branches' contributions to W1, b1 and W2 "
                   "add where they should partly cancel",
         expected=("sign", "minus", "-d_diff", "d_e2", "second branch", "second input", "branch", "e1 - e2",
                   "negative", "opposite", "wrong sign", "shared", "siamese", "encoder", "contrastive",
                   "both branches")),
    dict(id="PG10_triplet_margin_sign", side="numpy",
         args=pair("10_triplet_numpy.py", "TripletEmbedder", "triplet_torch.py", "TripletEmbedder",
                   "--data", TRIPLETS, *TRIPLET),
         mechanism="pair: the triplet loss's violation is written d_ap - d_an - MARGIN instead of + MARGIN, the "
                   "margin's sign flipped: only triplets whose positive is farther than the negative by more than "
                   "the margin count, max(0, d_ap - d_an - 1), so fewer triplets are active and the loss is smaller; "
                   "each active triplet's gradient formula is right",
         expected=("margin", "sign", "- margin", "+ margin", "minus", "flipped", "active", "violation", "hinge",
                   "triplet", "fewer", "d_ap - d_an", "alpha", "subtracted")),
    dict(id="PG11_vae_reparam_half", side="numpy",
         args=pair("11_vae_numpy.py", "VAE", "vae_torch.py", "VAE", "--data", READINGS, *VAE),
         mechanism="pair: the reparameterisation's backward drops the 0.5 of std = exp(0.5 logvar): the "
                   "reconstruction path reaches logvar as d_z * eps * std instead of d_z * eps * 0.5 * std (twice "
                   "too large), while the KL term's gradient 0.5 (exp(logvar) - 1) / n is right; Wv and bv, and "
                   "through them We and be, get wrong gradients",
         expected=("0.5", "half", "factor 2", "factor of 2", "twice", "chain rule", "exp(0.5", "std",
                   "reparameterisation", "reparameterization", "reparam", "logvar", "log-variance", "eps",
                   "d_logvar", "inner derivative")),
    dict(id="PG12_cosine_norm_axis", side="numpy",
         args=pair("12_cosine_numpy.py", "CosineSiamese", "cosine_torch.py", "CosineSiamese",
                   "--data", COSINE, *COS),
         mechanism="pair: the row-norm helper calls np.linalg.norm(E) without axis=1: one Frobenius norm of the "
                   "whole batch of embeddings instead of each row's norm, so the 'cosine' is <a, b> / (||A||_F "
                   "||B||_F), far smaller than the cosine and not scale-invariant per row, and the hand-written "
                   "gradient uses the same batch norms",
         expected=("norm", "np.linalg.norm", "axis", "axis=1", "keepdims", "frobenius", "whole batch", "per row",
                   "each row", "row norm", "cosine", "cosine similarity", "normalisation", "normalization",
                   "scalar")),
    dict(id="PG13_siamese_abs_derivative", side="numpy",
         args=pair("13_koch_numpy.py", "KochSiamese", "koch_torch.py", "KochSiamese", "--data", PAIRS, *KOCH),
         mechanism="pair: the derivative of |h1 - h2| is taken as 1: d_diff = d_dist without the factor "
                   "np.sign(h1 - h2), so wherever h1 < h2 the gradient reaching the shared encoder has the wrong "
                   "sign (W1 and b1 wrong; the head's w and c right)",
         expected=("abs", "absolute", "|h1 - h2|", "sign", "np.sign", "derivative of the absolute",
                   "derivative of abs", "sign(", "l1", "wrong sign", "encoder", "shared", "siamese", "d_diff",
                   "negative differences")),
    dict(id="PG14_moe_gate_index", side="numpy",
         args=pair("14_moe_numpy.py", "MixtureOfTwo", "moe_torch.py", "MixtureOfTwo", "--data", EXPERTS, *MOE),
         mechanism="pair: copy-paste slip in the mixture's backward: the second expert's output gradient is "
                   "weighted by the first expert's gate, d_f2 = d_out * g[:, 0:1] instead of g[:, 1:2]: W2 and b2 get "
                   "gradients scaled by g1 instead of g2 (the first expert and the gate are right)",
         expected=("gate", "g[:, 0:1]", "g[:, 1:2]", "index", "column", "copy-paste", "copy paste", "second expert",
                   "first expert", "expert", "w2", "b2", "wrong gate", "mixture", "g1", "g2")),
    dict(id="PG15_denoiser_clean_input_grad", side="numpy",
         args=numpy_net("15_masked_autoencoder.py", "MaskedAutoencoder", "--init", "MaskedAutoencoder()",
                        "--step", "net.train_step(X, y)", "--data", MASKED, "--hidden-activation", "tanh",
                        "--output-activation", "linear", "--loss", "mse", "--lr", "0.5"),
         mechanism="the denoising autoencoder's encoder weight gradient is computed from the clean readings, "
                   "clean.T @ d_code, instead of the corrupted input the encoder saw, noisy.T @ d_code: W_enc (W1) "
                   "gets the wrong gradient wherever an entry was zeroed; the biases and W_dec are right; against "
                   "the kit's twin",
         expected=("clean", "noisy", "corrupted", "input", "wrong input", "clean.t", "noisy.t", "encoder", "w_enc",
                   "w1", "denoising", "masked", "zeroed", "target", "y instead of x", "targets instead of inputs")),
    dict(id="PG16_two_input_block_grad", side="numpy",
         args=numpy_net("16_two_input_net.py", "TwoInputNet", "--init", "TwoInputNet()", "--step",
                        "net.train_step(X, y)", "--data", "random:40,6", "--loss", "bce", "--lr", "0.5"),
         mechanism="copy-paste slip in the block-wise gradient of the two-input first layer: the second input's rows "
                   "of W1 get a.T @ d_h, the first input's product, instead of b.T @ d_h: W1[3:] steps with the first "
                   "input's gradient (W1[:3], b1, W2 and b2 right); against the kit's twin",
         expected=("copy-paste", "copy paste", "second input", "first input", "a.t", "b.t", "block", "rows",
                   "w1[3:]", "wrong input", "two inputs", "sensor", "w1", "slice", "input a", "input b")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PGC1_vae_distributions", side="correct",
         args=pair("vae_numpy.py", "VAE", "vae_torch.py", "VAE", "--data", READINGS, *VAE),
         mechanism="pair: VAE, the posterior and the prior as torch.distributions.Normal objects (scale exp(0.5 "
                   "logvar)), the KL by kl_divergence summed over the code and averaged over the batch, z = mu + std * "
                   "eps on noise drawn with NumPy's generator from a fixed seed, the reconstruction as 0.5 * "
                   "F.mse_loss(reduction='sum') / n, torch.optim.Adam; NumPy: the same by hand, Adam's moments in "
                   "dicts", expected=()),
    dict(id="PGC2_triplet_custom_distance", side="correct",
         args=pair("triplet_numpy.py", "TripletEmbedder", "triplet_torch.py", "TripletEmbedder",
                   "--data", TRIPLETS, *TRIPLET),
         mechanism="pair: FaceNet's triplet loss on squared distances through F.triplet_margin_with_distance_loss "
                   "with a squared-distance function, the encoder applied to the (n, 3, 5) tensor at once and the "
                   "branches split with unbind, SGD(momentum=0.9); NumPy: the three branches as one stacked batch "
                   "of 3n rows, an embedding layer without bias, heavy-ball momentum", expected=()),
    dict(id="PGC3_embedding_into_linear", side="correct",
         args=port("correct_03_user_id_port.py", "Net", *OPT, "--data", USERS, "--hidden-activation", "tanh",
                   "--loss", "bce", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.5"),
         mechanism="port: a two-input net (one-hot id + dense features) whose id part is an F.embedding lookup into "
                   "the transposed first columns of fc1.weight, added to F.linear of the dense features with the "
                   "remaining columns and the bias; forward takes (ids, dense) rebuilt from X in train_step; "
                   "heavy-ball momentum from make_optimizer(model, lr); the kit's NumPy network", expected=()),
]
